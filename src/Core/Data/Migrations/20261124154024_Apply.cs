using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parasol.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Apply : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "journey_id",
                table: "attachments",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "journey_states",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    journey = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    state_json = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journey_states", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_attachments_journey_id",
                table: "attachments",
                column: "journey_id");

            migrationBuilder.CreateIndex(
                name: "ix_journey_states_expires_at",
                table: "journey_states",
                column: "expires_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "journey_states");

            migrationBuilder.DropIndex(
                name: "ix_attachments_journey_id",
                table: "attachments");

            migrationBuilder.DropColumn(
                name: "journey_id",
                table: "attachments");
        }
    }
}
