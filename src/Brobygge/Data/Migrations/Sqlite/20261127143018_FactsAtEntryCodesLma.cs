using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Brobygge.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FactsAtEntryCodesLma : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The education and Swedish levels now live on the person only: keep the latest mapped value where the
            // person had none, before the mapping's columns go.
            migrationBuilder.Sql(@"UPDATE ""Persons"" SET ""EducationLevel"" = (SELECT m.""EducationLevel"" FROM ""Mappings"" m JOIN ""Enrolments"" e ON e.""Id"" = m.""EnrolmentId"" WHERE e.""PersonId"" = ""Persons"".""Id"" AND m.""EducationLevel"" IS NOT NULL ORDER BY m.""MappedOn"" DESC, m.""Number"" DESC LIMIT 1) WHERE ""Persons"".""EducationLevel"" IS NULL");
            migrationBuilder.Sql(@"UPDATE ""Persons"" SET ""SwedishLevel"" = (SELECT m.""SwedishLevel"" FROM ""Mappings"" m JOIN ""Enrolments"" e ON e.""Id"" = m.""EnrolmentId"" WHERE e.""PersonId"" = ""Persons"".""Id"" AND m.""SwedishLevel"" IS NOT NULL ORDER BY m.""MappedOn"" DESC, m.""Number"" DESC LIMIT 1) WHERE ""Persons"".""SwedishLevel"" IS NULL");

            migrationBuilder.DropColumn(
                name: "EducationLevel",
                table: "Mappings");

            migrationBuilder.DropColumn(
                name: "SwedishLevel",
                table: "Mappings");

            migrationBuilder.AddColumn<string>(
                name: "LmaNumberCipher",
                table: "Persons",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LmaNumberIndex",
                table: "Persons",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MunicipalityCode",
                table: "Persons",
                type: "TEXT",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AgeAtEntry",
                table: "Enrolments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Citizenship",
                table: "Enrolments",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "CountryOfBirth",
                table: "Enrolments",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EducationLevelAtEntry",
                table: "Enrolments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GenderAtEntry",
                table: "Enrolments",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "MunicipalityAtEntry",
                table: "Enrolments",
                type: "TEXT",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParentsBornAbroad",
                table: "Enrolments",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "UnemployedSince",
                table: "Enrolments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Persons_OrganisationId_LmaNumberIndex",
                table: "Persons",
                columns: new[] { "OrganisationId", "LmaNumberIndex" },
                unique: true);

            // Enrolments made before the facts at entry were kept take them from their person as the person is now:
            // the best there is; correct them where the person changed since.
            migrationBuilder.Sql(@"UPDATE ""Enrolments"" SET ""GenderAtEntry"" = (SELECT p.""Gender"" FROM ""Persons"" p WHERE p.""Id"" = ""Enrolments"".""PersonId""), ""EducationLevelAtEntry"" = (SELECT p.""EducationLevel"" FROM ""Persons"" p WHERE p.""Id"" = ""Enrolments"".""PersonId""), ""AgeAtEntry"" = (SELECT CAST(strftime('%Y', ""Enrolments"".""EnrolledOn"") AS INTEGER) - CAST(strftime('%Y', p.""BirthDate"") AS INTEGER) - (strftime('%m-%d', ""Enrolments"".""EnrolledOn"") < strftime('%m-%d', p.""BirthDate"")) FROM ""Persons"" p WHERE p.""Id"" = ""Enrolments"".""PersonId"")");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Persons_OrganisationId_LmaNumberIndex",
                table: "Persons");

            migrationBuilder.DropColumn(
                name: "LmaNumberCipher",
                table: "Persons");

            migrationBuilder.DropColumn(
                name: "LmaNumberIndex",
                table: "Persons");

            migrationBuilder.DropColumn(
                name: "MunicipalityCode",
                table: "Persons");

            migrationBuilder.DropColumn(
                name: "AgeAtEntry",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "Citizenship",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "CountryOfBirth",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "EducationLevelAtEntry",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "GenderAtEntry",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "MunicipalityAtEntry",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "ParentsBornAbroad",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "UnemployedSince",
                table: "Enrolments");

            migrationBuilder.AddColumn<int>(
                name: "EducationLevel",
                table: "Mappings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SwedishLevel",
                table: "Mappings",
                type: "TEXT",
                maxLength: 40,
                nullable: true);
        }
    }
}
