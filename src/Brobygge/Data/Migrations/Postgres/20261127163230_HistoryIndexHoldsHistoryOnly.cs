using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Brobygge.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HistoryIndexHoldsHistoryOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlanSteps_HistoryOf",
                table: "PlanSteps");

            migrationBuilder.DropIndex(
                name: "IX_Outcomes_HistoryOf",
                table: "Outcomes");

            migrationBuilder.DropIndex(
                name: "IX_Mappings_HistoryOf",
                table: "Mappings");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_HistoryOf",
                table: "FollowUps");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_HistoryOf",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_HistoryOf",
                table: "Assignments");

            migrationBuilder.DropIndex(
                name: "IX_Activities_HistoryOf",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_PlanSteps_HistoryOf",
                table: "PlanSteps",
                column: "HistoryOf",
                filter: "\"HistoryOf\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Outcomes_HistoryOf",
                table: "Outcomes",
                column: "HistoryOf",
                filter: "\"HistoryOf\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Mappings_HistoryOf",
                table: "Mappings",
                column: "HistoryOf",
                filter: "\"HistoryOf\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_HistoryOf",
                table: "FollowUps",
                column: "HistoryOf",
                filter: "\"HistoryOf\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_HistoryOf",
                table: "Contacts",
                column: "HistoryOf",
                filter: "\"HistoryOf\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_HistoryOf",
                table: "Assignments",
                column: "HistoryOf",
                filter: "\"HistoryOf\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_HistoryOf",
                table: "Activities",
                column: "HistoryOf",
                filter: "\"HistoryOf\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlanSteps_HistoryOf",
                table: "PlanSteps");

            migrationBuilder.DropIndex(
                name: "IX_Outcomes_HistoryOf",
                table: "Outcomes");

            migrationBuilder.DropIndex(
                name: "IX_Mappings_HistoryOf",
                table: "Mappings");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_HistoryOf",
                table: "FollowUps");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_HistoryOf",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_HistoryOf",
                table: "Assignments");

            migrationBuilder.DropIndex(
                name: "IX_Activities_HistoryOf",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_PlanSteps_HistoryOf",
                table: "PlanSteps",
                column: "HistoryOf");

            migrationBuilder.CreateIndex(
                name: "IX_Outcomes_HistoryOf",
                table: "Outcomes",
                column: "HistoryOf");

            migrationBuilder.CreateIndex(
                name: "IX_Mappings_HistoryOf",
                table: "Mappings",
                column: "HistoryOf");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_HistoryOf",
                table: "FollowUps",
                column: "HistoryOf");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_HistoryOf",
                table: "Contacts",
                column: "HistoryOf");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_HistoryOf",
                table: "Assignments",
                column: "HistoryOf");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_HistoryOf",
                table: "Activities",
                column: "HistoryOf");
        }
    }
}
