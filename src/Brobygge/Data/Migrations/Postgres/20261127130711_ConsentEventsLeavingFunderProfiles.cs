using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Brobygge.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConsentEventsLeavingFunderProfiles : Migration
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

            migrationBuilder.AddColumn<string>(
                name: "FunderProfile",
                table: "Projects",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

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
                name: "IX_LeavingSituations_EnrolmentId_On",
                table: "LeavingSituations",
                columns: new[] { "EnrolmentId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_LeavingSituations_QualificationId",
                table: "LeavingSituations",
                column: "QualificationId");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Consents_ProjectPartners_PartnerId",
                table: "Consents");

            migrationBuilder.DropTable(
                name: "LeavingSituations");

            migrationBuilder.DropTable(
                name: "SpecialCategoryAnswers");

            migrationBuilder.DropTable(
                name: "Qualifications");

            migrationBuilder.DropIndex(
                name: "IX_Consents_PartnerId",
                table: "Consents");

            migrationBuilder.DropIndex(
                name: "IX_Consents_PersonId_Number",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "FunderProfile",
                table: "Projects");

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
