using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parasol.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseloadIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_social_worker_id",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "ix_cases_social_worker_id_status",
                table: "cases",
                columns: new[] { "social_worker_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_social_worker_id_status",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "ix_cases_social_worker_id",
                table: "cases",
                column: "social_worker_id");
        }
    }
}
