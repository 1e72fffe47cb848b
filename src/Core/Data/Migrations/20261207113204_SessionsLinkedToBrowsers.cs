using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parasol.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SessionsLinkedToBrowsers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "device_id",
                table: "staff_sessions",
                type: "uuid",
                nullable: true);
            // Sessions already open stay unlinked: forgetting their browser does not end them; signing out (there or
            // everywhere) does, and so does the idle timeout (Staff:IdleTimeoutMinutes).

            migrationBuilder.CreateIndex(
                name: "ix_staff_sessions_device_id",
                table: "staff_sessions",
                column: "device_id");

            migrationBuilder.AddForeignKey(
                name: "fk_staff_sessions_trusted_devices_device_id",
                table: "staff_sessions",
                column: "device_id",
                principalTable: "staff_devices",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_staff_sessions_trusted_devices_device_id",
                table: "staff_sessions");

            migrationBuilder.DropIndex(
                name: "ix_staff_sessions_device_id",
                table: "staff_sessions");

            migrationBuilder.DropColumn(
                name: "device_id",
                table: "staff_sessions");
        }
    }
}
