using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parasol.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class PendingAccessCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pending_access_codes",
                columns: table => new
                {
                    submission_key = table.Column<Guid>(type: "uuid", nullable: false),
                    protected_code = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pending_access_codes", x => x.submission_key);
                });

            migrationBuilder.CreateIndex(
                name: "ix_pending_access_codes_expires_at",
                table: "pending_access_codes",
                column: "expires_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pending_access_codes");
        }
    }
}
