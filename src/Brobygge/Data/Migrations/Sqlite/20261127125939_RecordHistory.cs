using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Brobygge.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecordHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "HistoryOf",
                table: "PlanSteps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "PlanSteps",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "PlanSteps",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<Guid>(
                name: "RecordedById",
                table: "PlanSteps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovalReason",
                table: "PlanSteps",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAt",
                table: "PlanSteps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RemovedById",
                table: "PlanSteps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupersededAt",
                table: "PlanSteps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HistoryOf",
                table: "Outcomes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "Outcomes",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "Outcomes",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<Guid>(
                name: "RecordedById",
                table: "Outcomes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovalReason",
                table: "Outcomes",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAt",
                table: "Outcomes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RemovedById",
                table: "Outcomes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupersededAt",
                table: "Outcomes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HistoryOf",
                table: "Mappings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "Mappings",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "RemovalReason",
                table: "Mappings",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAt",
                table: "Mappings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RemovedById",
                table: "Mappings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupersededAt",
                table: "Mappings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HistoryOf",
                table: "FollowUps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "FollowUps",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "FollowUps",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<Guid>(
                name: "RecordedById",
                table: "FollowUps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovalReason",
                table: "FollowUps",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAt",
                table: "FollowUps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RemovedById",
                table: "FollowUps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupersededAt",
                table: "FollowUps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HistoryOf",
                table: "Contacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "Contacts",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "Contacts",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<Guid>(
                name: "RecordedById",
                table: "Contacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovalReason",
                table: "Contacts",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAt",
                table: "Contacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RemovedById",
                table: "Contacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupersededAt",
                table: "Contacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HistoryOf",
                table: "Activities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "Activities",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "Activities",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<Guid>(
                name: "RecordedById",
                table: "Activities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovalReason",
                table: "Activities",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAt",
                table: "Activities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RemovedById",
                table: "Activities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupersededAt",
                table: "Activities",
                type: "TEXT",
                nullable: true);

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
                name: "IX_Activities_HistoryOf",
                table: "Activities",
                column: "HistoryOf");
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
                name: "IX_Activities_HistoryOf",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "HistoryOf",
                table: "PlanSteps");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "PlanSteps");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "PlanSteps");

            migrationBuilder.DropColumn(
                name: "RecordedById",
                table: "PlanSteps");

            migrationBuilder.DropColumn(
                name: "RemovalReason",
                table: "PlanSteps");

            migrationBuilder.DropColumn(
                name: "RemovedAt",
                table: "PlanSteps");

            migrationBuilder.DropColumn(
                name: "RemovedById",
                table: "PlanSteps");

            migrationBuilder.DropColumn(
                name: "SupersededAt",
                table: "PlanSteps");

            migrationBuilder.DropColumn(
                name: "HistoryOf",
                table: "Outcomes");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "Outcomes");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "Outcomes");

            migrationBuilder.DropColumn(
                name: "RecordedById",
                table: "Outcomes");

            migrationBuilder.DropColumn(
                name: "RemovalReason",
                table: "Outcomes");

            migrationBuilder.DropColumn(
                name: "RemovedAt",
                table: "Outcomes");

            migrationBuilder.DropColumn(
                name: "RemovedById",
                table: "Outcomes");

            migrationBuilder.DropColumn(
                name: "SupersededAt",
                table: "Outcomes");

            migrationBuilder.DropColumn(
                name: "HistoryOf",
                table: "Mappings");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "Mappings");

            migrationBuilder.DropColumn(
                name: "RemovalReason",
                table: "Mappings");

            migrationBuilder.DropColumn(
                name: "RemovedAt",
                table: "Mappings");

            migrationBuilder.DropColumn(
                name: "RemovedById",
                table: "Mappings");

            migrationBuilder.DropColumn(
                name: "SupersededAt",
                table: "Mappings");

            migrationBuilder.DropColumn(
                name: "HistoryOf",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "RecordedById",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "RemovalReason",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "RemovedAt",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "RemovedById",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "SupersededAt",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "HistoryOf",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "RecordedById",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "RemovalReason",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "RemovedAt",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "RemovedById",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "SupersededAt",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "HistoryOf",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "RecordedById",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "RemovalReason",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "RemovedAt",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "RemovedById",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "SupersededAt",
                table: "Activities");
        }
    }
}
