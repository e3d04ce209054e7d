using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Brobygge.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FactsAtEntryCodesLma : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The education and Swedish levels now live on the person only: keep the latest mapped value where the
            // person had none, before the mapping's columns go.
            migrationBuilder.Sql(@"UPDATE ""Persons"" p SET ""EducationLevel"" = (SELECT m.""EducationLevel"" FROM ""Mappings"" m JOIN ""Enrolments"" e ON e.""Id"" = m.""EnrolmentId"" WHERE e.""PersonId"" = p.""Id"" AND m.""EducationLevel"" IS NOT NULL ORDER BY m.""MappedOn"" DESC, m.""Number"" DESC LIMIT 1) WHERE p.""EducationLevel"" IS NULL");
            migrationBuilder.Sql(@"UPDATE ""Persons"" p SET ""SwedishLevel"" = (SELECT m.""SwedishLevel"" FROM ""Mappings"" m JOIN ""Enrolments"" e ON e.""Id"" = m.""EnrolmentId"" WHERE e.""PersonId"" = p.""Id"" AND m.""SwedishLevel"" IS NOT NULL ORDER BY m.""MappedOn"" DESC, m.""Number"" DESC LIMIT 1) WHERE p.""SwedishLevel"" IS NULL");

            migrationBuilder.DropColumn(
                name: "EducationLevel",
                table: "Mappings");

            migrationBuilder.DropColumn(
                name: "SwedishLevel",
                table: "Mappings");

            migrationBuilder.AddColumn<string>(
                name: "LmaNumberCipher",
                table: "Persons",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LmaNumberIndex",
                table: "Persons",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MunicipalityCode",
                table: "Persons",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AgeAtEntry",
                table: "Enrolments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<List<string>>(
                name: "Citizenship",
                table: "Enrolments",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<string>(
                name: "CountryOfBirth",
                table: "Enrolments",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EducationLevelAtEntry",
                table: "Enrolments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GenderAtEntry",
                table: "Enrolments",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "MunicipalityAtEntry",
                table: "Enrolments",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParentsBornAbroad",
                table: "Enrolments",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "UnemployedSince",
                table: "Enrolments",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Persons_OrganisationId_LmaNumberIndex",
                table: "Persons",
                columns: new[] { "OrganisationId", "LmaNumberIndex" },
                unique: true);

            // Enrolments made before the facts at entry were kept take them from their person as the person is now:
            // the best there is; correct them where the person changed since.
            migrationBuilder.Sql(@"UPDATE ""Enrolments"" e SET ""GenderAtEntry"" = p.""Gender"", ""EducationLevelAtEntry"" = p.""EducationLevel"", ""AgeAtEntry"" = date_part('year', age(e.""EnrolledOn"", p.""BirthDate""))::int FROM ""Persons"" p WHERE p.""Id"" = e.""PersonId""");
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SwedishLevel",
                table: "Mappings",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);
        }
    }
}
