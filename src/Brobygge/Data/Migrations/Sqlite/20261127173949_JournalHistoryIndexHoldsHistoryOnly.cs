using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Brobygge.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JournalHistoryIndexHoldsHistoryOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JournalNotes_HistoryOf",
                table: "JournalNotes");

            migrationBuilder.CreateIndex(
                name: "IX_JournalNotes_HistoryOf",
                table: "JournalNotes",
                column: "HistoryOf",
                filter: "\"HistoryOf\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JournalNotes_HistoryOf",
                table: "JournalNotes");

            migrationBuilder.CreateIndex(
                name: "IX_JournalNotes_HistoryOf",
                table: "JournalNotes",
                column: "HistoryOf");
        }
    }
}
