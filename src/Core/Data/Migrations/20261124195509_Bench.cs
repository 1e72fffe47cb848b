using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parasol.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Bench : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "monitoring_ends_on",
                table: "cases",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "monitoring_ends_on",
                table: "cases");
        }
    }
}
