using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Brobygge.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneCurrentAssignmentPerRole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written by hand, keep when regenerating: simultaneous hand-overs may already have left two current
            // assignments in one role. The latest stays; the others end the day it started, so the index can be made.
            migrationBuilder.Sql("""
                UPDATE "Assignments" SET "EndedOn" = (
                    SELECT MAX(later."StartedOn") FROM "Assignments" AS later
                    WHERE later."EnrolmentId" = "Assignments"."EnrolmentId" AND later."Role" = "Assignments"."Role" AND later."EndedOn" IS NULL)
                WHERE "EndedOn" IS NULL AND EXISTS (
                    SELECT 1 FROM "Assignments" AS later
                    WHERE later."EnrolmentId" = "Assignments"."EnrolmentId" AND later."Role" = "Assignments"."Role" AND later."EndedOn" IS NULL
                        AND (later."StartedOn" > "Assignments"."StartedOn" OR (later."StartedOn" = "Assignments"."StartedOn" AND later."Id" > "Assignments"."Id")));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_EnrolmentId_Role",
                table: "Assignments",
                columns: new[] { "EnrolmentId", "Role" },
                unique: true,
                filter: "\"EndedOn\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assignments_EnrolmentId_Role",
                table: "Assignments");
        }
    }
}
