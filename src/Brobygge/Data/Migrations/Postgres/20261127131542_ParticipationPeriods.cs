using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Brobygge.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ParticipationPeriods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FourWeekFollowUpFromDays",
                table: "Projects",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FourWeekFollowUpToDays",
                table: "Projects",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SixMonthFollowUpFromMonths",
                table: "Projects",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SixMonthFollowUpToMonths",
                table: "Projects",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PeriodId",
                table: "FollowUps",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Hours",
                table: "Activities",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "StartsAt",
                table: "Activities",
                type: "time without time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Activities",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Held");

            migrationBuilder.CreateTable(
                name: "ParticipationPeriods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExitReason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: true),
                    Origin = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    HistoryOf = table.Column<Guid>(type: "uuid", nullable: true),
                    SupersededAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RemovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RemovedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RemovalReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipationPeriods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipationPeriods_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every enrolment so far had one period: from its start to its exit (an earlier re-entry left no trace). It was
            // recorded when the enrolment was; the scheduled follow-ups belong to it.
            migrationBuilder.Sql("""
                INSERT INTO "ParticipationPeriods" ("Id", "OrganisationId", "EnrolmentId", "StartedOn", "EndedOn", "ExitReason", "RecordedAt", "Origin")
                SELECT gen_random_uuid(), e."OrganisationId", e."Id", e."EnrolledOn", e."ExitedOn", e."ExitReason",
                    COALESCE((SELECT min(a."At") FROM "AuditEvents" a WHERE a."EntityId" = e."Id" AND a."Action" = 'Create'), now() AT TIME ZONE 'UTC'), 'Staff'
                FROM "Enrolments" e;
                UPDATE "FollowUps" f SET "PeriodId" = p."Id" FROM "ParticipationPeriods" p WHERE p."EnrolmentId" = f."EnrolmentId" AND f."Kind" <> 'OnDemand';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_PeriodId",
                table: "FollowUps",
                column: "PeriodId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationPeriods_EnrolmentId_StartedOn",
                table: "ParticipationPeriods",
                columns: new[] { "EnrolmentId", "StartedOn" },
                unique: true,
                filter: "\"HistoryOf\" IS NULL AND \"RemovedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationPeriods_OrganisationId_StartedOn_EndedOn",
                table: "ParticipationPeriods",
                columns: new[] { "OrganisationId", "StartedOn", "EndedOn" });

            migrationBuilder.AddForeignKey(
                name: "FK_FollowUps_ParticipationPeriods_PeriodId",
                table: "FollowUps",
                column: "PeriodId",
                principalTable: "ParticipationPeriods",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FollowUps_ParticipationPeriods_PeriodId",
                table: "FollowUps");

            migrationBuilder.DropTable(
                name: "ParticipationPeriods");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_PeriodId",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "FourWeekFollowUpFromDays",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "FourWeekFollowUpToDays",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "SixMonthFollowUpFromMonths",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "SixMonthFollowUpToMonths",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "PeriodId",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "Hours",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "StartsAt",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Activities");
        }
    }
}
