using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Brobygge.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditOrderListsRefusals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Route",
                table: "AuditEvents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "AuditEvents",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<List<Guid>>(
                name: "ShownIds",
                table: "AuditEvents",
                type: "uuid[]",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditSequences",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Last = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditSequences", x => x.OrganisationId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_OrganisationId_Sequence",
                table: "AuditEvents",
                columns: new[] { "OrganisationId", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditSequences");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_OrganisationId_Sequence",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "Route",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "ShownIds",
                table: "AuditEvents");
        }
    }
}
