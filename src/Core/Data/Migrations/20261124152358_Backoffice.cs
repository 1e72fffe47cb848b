using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Parasol.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Backoffice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "search_name",
                table: "case_people",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                computedColumnSql: "translate(lower(last_name), 'ąćęłńóśźż', 'acelnoszz')",
                stored: true,
                collation: "C");

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    staff_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<int>(type: "integer", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    attachment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cases_queue_order",
                table: "cases",
                columns: new[] { "is_urgent", "decision_due_on", "received_at", "id" },
                descending: new[] { true, false, false, false });

            migrationBuilder.CreateIndex(
                name: "ix_case_people_search_name",
                table: "case_people",
                column: "search_name")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_case_id_occurred_at",
                table: "audit_log",
                columns: new[] { "case_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_occurred_at",
                table: "audit_log",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_staff_id_occurred_at",
                table: "audit_log",
                columns: new[] { "staff_id", "occurred_at" });

            // The audit log is append-only: the database itself refuses to change or delete a row.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
                    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
                CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.Sql("DROP FUNCTION audit_log_refuse_change();");

            migrationBuilder.DropIndex(
                name: "ix_cases_queue_order",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_case_people_search_name",
                table: "case_people");

            migrationBuilder.DropColumn(
                name: "search_name",
                table: "case_people");
        }
    }
}
