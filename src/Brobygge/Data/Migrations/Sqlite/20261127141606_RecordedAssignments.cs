using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Brobygge.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecordedAssignments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assignments_EnrolmentId_Role",
                table: "Assignments");

            migrationBuilder.AddColumn<Guid>(
                name: "HistoryOf",
                table: "Assignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "Assignments",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "Assignments",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<Guid>(
                name: "RecordedById",
                table: "Assignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovalReason",
                table: "Assignments",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAt",
                table: "Assignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RemovedById",
                table: "Assignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupersededAt",
                table: "Assignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_EnrolmentId_Role",
                table: "Assignments",
                columns: new[] { "EnrolmentId", "Role" },
                unique: true,
                filter: "\"EndedOn\" IS NULL AND \"HistoryOf\" IS NULL AND \"RemovedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_HistoryOf",
                table: "Assignments",
                column: "HistoryOf");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assignments_EnrolmentId_Role",
                table: "Assignments");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_HistoryOf",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "HistoryOf",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "RecordedById",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "RemovalReason",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "RemovedAt",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "RemovedById",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "SupersededAt",
                table: "Assignments");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_EnrolmentId_Role",
                table: "Assignments",
                columns: new[] { "EnrolmentId", "Role" },
                unique: true,
                filter: "\"EndedOn\" IS NULL");
        }
    }
}
