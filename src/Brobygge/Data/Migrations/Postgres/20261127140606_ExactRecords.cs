using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Brobygge.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ExactRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Consents_PersonId_Purpose",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "WithdrawnHow",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "WithdrawnOn",
                table: "Consents");

            migrationBuilder.RenameColumn(
                name: "GivenOn",
                table: "Consents",
                newName: "On");

            migrationBuilder.RenameColumn(
                name: "GivenHow",
                table: "Consents",
                newName: "Origin");

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

            migrationBuilder.AddColumn<string>(
                name: "FunderProfile",
                table: "Projects",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

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
                name: "HistoryOf",
                table: "PlanSteps",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "PlanSteps",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "PlanSteps",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<Guid>(
                name: "RecordedById",
                table: "PlanSteps",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovalReason",
                table: "PlanSteps",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAt",
                table: "PlanSteps",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RemovedById",
                table: "PlanSteps",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupersededAt",
                table: "PlanSteps",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HistoryOf",
                table: "Outcomes",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "Outcomes",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "Outcomes",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<Guid>(
                name: "RecordedById",
                table: "Outcomes",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovalReason",
                table: "Outcomes",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAt",
                table: "Outcomes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RemovedById",
                table: "Outcomes",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupersededAt",
                table: "Outcomes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HistoryOf",
                table: "Mappings",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "Mappings",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "RemovalReason",
                table: "Mappings",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAt",
                table: "Mappings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RemovedById",
                table: "Mappings",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupersededAt",
                table: "Mappings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HistoryOf",
                table: "FollowUps",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "FollowUps",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "PeriodId",
                table: "FollowUps",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "FollowUps",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<Guid>(
                name: "RecordedById",
                table: "FollowUps",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovalReason",
                table: "FollowUps",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAt",
                table: "FollowUps",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RemovedById",
                table: "FollowUps",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupersededAt",
                table: "FollowUps",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HistoryOf",
                table: "Contacts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "Contacts",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "Contacts",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<Guid>(
                name: "RecordedById",
                table: "Contacts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovalReason",
                table: "Contacts",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAt",
                table: "Contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RemovedById",
                table: "Contacts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupersededAt",
                table: "Contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Basis",
                table: "Consents",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Change",
                table: "Consents",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "FormReference",
                table: "Consents",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HistoryOf",
                table: "Consents",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "How",
                table: "Consents",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "Consents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "ReceivedById",
                table: "Consents",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "Consents",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<Guid>(
                name: "RecordedById",
                table: "Consents",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovalReason",
                table: "Consents",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAt",
                table: "Consents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RemovedById",
                table: "Consents",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupersededAt",
                table: "Consents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Witness",
                table: "Consents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HistoryOf",
                table: "Activities",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Hours",
                table: "Activities",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "Activities",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "Activities",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<Guid>(
                name: "RecordedById",
                table: "Activities",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovalReason",
                table: "Activities",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAt",
                table: "Activities",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RemovedById",
                table: "Activities",
                type: "uuid",
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
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "SupersededAt",
                table: "Activities",
                type: "timestamp with time zone",
                nullable: true);

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

            migrationBuilder.CreateTable(
                name: "Qualifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    What = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AwardedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Issuer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
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
                    table.PrimaryKey("PK_Qualifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Qualifications_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpecialCategoryAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Answer = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Basis = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CollectedOn = table.Column<DateOnly>(type: "date", nullable: false),
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
                    table.PrimaryKey("PK_SpecialCategoryAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpecialCategoryAnswers_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LeavingSituations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    QualificationId = table.Column<Guid>(type: "uuid", nullable: true),
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
                    table.PrimaryKey("PK_LeavingSituations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeavingSituations_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LeavingSituations_Qualifications_QualificationId",
                        column: x => x.QualificationId,
                        principalTable: "Qualifications",
                        principalColumn: "Id");
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
                name: "IX_FollowUps_PeriodId",
                table: "FollowUps",
                column: "PeriodId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_HistoryOf",
                table: "Contacts",
                column: "HistoryOf");

            migrationBuilder.CreateIndex(
                name: "IX_Consents_PartnerId",
                table: "Consents",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Consents_PersonId_Number",
                table: "Consents",
                columns: new[] { "PersonId", "Number" },
                unique: true,
                filter: "\"HistoryOf\" IS NULL AND \"RemovedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_HistoryOf",
                table: "Activities",
                column: "HistoryOf");

            migrationBuilder.CreateIndex(
                name: "IX_LeavingSituations_EnrolmentId_On",
                table: "LeavingSituations",
                columns: new[] { "EnrolmentId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_LeavingSituations_QualificationId",
                table: "LeavingSituations",
                column: "QualificationId");

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

            migrationBuilder.CreateIndex(
                name: "IX_Qualifications_EnrolmentId",
                table: "Qualifications",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_SpecialCategoryAnswers_EnrolmentId_Category",
                table: "SpecialCategoryAnswers",
                columns: new[] { "EnrolmentId", "Category" });

            migrationBuilder.AddForeignKey(
                name: "FK_Consents_ProjectPartners_PartnerId",
                table: "Consents",
                column: "PartnerId",
                principalTable: "ProjectPartners",
                principalColumn: "Id");

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
                name: "FK_Consents_ProjectPartners_PartnerId",
                table: "Consents");

            migrationBuilder.DropForeignKey(
                name: "FK_FollowUps_ParticipationPeriods_PeriodId",
                table: "FollowUps");

            migrationBuilder.DropTable(
                name: "LeavingSituations");

            migrationBuilder.DropTable(
                name: "ParticipationPeriods");

            migrationBuilder.DropTable(
                name: "SpecialCategoryAnswers");

            migrationBuilder.DropTable(
                name: "Qualifications");

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
                name: "IX_FollowUps_PeriodId",
                table: "FollowUps");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_HistoryOf",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Consents_PartnerId",
                table: "Consents");

            migrationBuilder.DropIndex(
                name: "IX_Consents_PersonId_Number",
                table: "Consents");

            migrationBuilder.DropIndex(
                name: "IX_Activities_HistoryOf",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "FourWeekFollowUpFromDays",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "FourWeekFollowUpToDays",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "FunderProfile",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "SixMonthFollowUpFromMonths",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "SixMonthFollowUpToMonths",
                table: "Projects");

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
                name: "PeriodId",
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
                name: "Basis",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "Change",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "FormReference",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "HistoryOf",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "How",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "ReceivedById",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "RecordedById",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "RemovalReason",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "RemovedAt",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "RemovedById",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "SupersededAt",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "Witness",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "HistoryOf",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "Hours",
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
                name: "StartsAt",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "SupersededAt",
                table: "Activities");

            migrationBuilder.RenameColumn(
                name: "Origin",
                table: "Consents",
                newName: "GivenHow");

            migrationBuilder.RenameColumn(
                name: "On",
                table: "Consents",
                newName: "GivenOn");

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnHow",
                table: "Consents",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WithdrawnOn",
                table: "Consents",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Consents_PersonId_Purpose",
                table: "Consents",
                columns: new[] { "PersonId", "Purpose" });
        }
    }
}
