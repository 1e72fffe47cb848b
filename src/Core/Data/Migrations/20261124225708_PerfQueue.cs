using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Parasol.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class PerfQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "queue_tallies",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    status = table.Column<int>(type: "integer", nullable: false),
                    district_id = table.Column<Guid>(type: "uuid", nullable: true),
                    social_worker_id = table.Column<Guid>(type: "uuid", nullable: true),
                    family_assistant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    earliest_due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    cases = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_queue_tallies", x => x.id);
                });

            // The queue's tab counts (QueueTally): a trigger adds a row of deltas in the transaction that changes a case,
            // whoever changes it (+1 into its new combination, -1 out of its old one). Rows are only ever inserted, never
            // updated, so concurrent submissions take no lock on a shared counter row; the counts are sums, and
            // queue_tally_compact() (a recurring job) folds the rows back into one per combination. Statuses: 1-3 before
            // the interview, 12 waiting for the applicant, 7, 8, 11, 13, 14, 15 closed (CaseStatusExtensions.IsOpen); a
            // closed case has no deadline, so closed cases collapse into a few rows.
            migrationBuilder.Sql("""
                CREATE FUNCTION queue_tally_earliest_due_on(status integer, decision_due_on date, interview_due_on date, completion_due_on date)
                RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT CASE WHEN status IN (7, 8, 11, 13, 14, 15) THEN NULL
                                ELSE LEAST(decision_due_on,
                                           CASE WHEN status IN (1, 2, 3) THEN interview_due_on END,
                                           CASE WHEN status = 12 THEN completion_due_on END) END
                $$;

                -- Cases stored or deleted, one statement at a time (a bulk import is one grouped insert).
                CREATE FUNCTION queue_tally_add_or_remove_cases() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO queue_tallies (status, district_id, social_worker_id, family_assistant_id, earliest_due_on, cases)
                    SELECT status, district_id, social_worker_id, family_assistant_id,
                           queue_tally_earliest_due_on(status, decision_due_on, interview_due_on, completion_due_on),
                           (CASE WHEN TG_OP = 'INSERT' THEN count(*) ELSE -count(*) END)::integer
                    FROM changed
                    GROUP BY 1, 2, 3, 4, 5;
                    RETURN NULL;
                END
                $$;

                -- A case changed in a way that moves it to another tally: -1 out of the old one, +1 into the new one.
                CREATE FUNCTION queue_tally_move_case() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO queue_tallies (status, district_id, social_worker_id, family_assistant_id, earliest_due_on, cases)
                    SELECT m.status, m.district_id, m.social_worker_id, m.family_assistant_id, m.earliest_due_on, sum(m.delta)
                    FROM (VALUES
                        (OLD.status, OLD.district_id, OLD.social_worker_id, OLD.family_assistant_id,
                         queue_tally_earliest_due_on(OLD.status, OLD.decision_due_on, OLD.interview_due_on, OLD.completion_due_on), -1),
                        (NEW.status, NEW.district_id, NEW.social_worker_id, NEW.family_assistant_id,
                         queue_tally_earliest_due_on(NEW.status, NEW.decision_due_on, NEW.interview_due_on, NEW.completion_due_on), 1)
                    ) AS m(status, district_id, social_worker_id, family_assistant_id, earliest_due_on, delta)
                    GROUP BY 1, 2, 3, 4, 5
                    HAVING sum(m.delta) <> 0;
                    RETURN NULL;
                END
                $$;

                -- Folds the deltas into one row per combination (dropping combinations that sum to zero). Only rows this
                -- statement sees are deleted and summed; rows of transactions still running stay as they are.
                CREATE FUNCTION queue_tally_compact() RETURNS integer LANGUAGE sql AS $$
                    WITH removed AS (
                        DELETE FROM queue_tallies
                        RETURNING status, district_id, social_worker_id, family_assistant_id, earliest_due_on, cases),
                    folded AS (
                        INSERT INTO queue_tallies (status, district_id, social_worker_id, family_assistant_id, earliest_due_on, cases)
                        SELECT status, district_id, social_worker_id, family_assistant_id, earliest_due_on, sum(cases)::integer
                        FROM removed
                        GROUP BY 1, 2, 3, 4, 5
                        HAVING sum(cases) <> 0
                        RETURNING 1)
                    SELECT (SELECT count(*) FROM removed)::integer - (SELECT count(*) FROM folded)::integer
                $$;

                CREATE FUNCTION queue_tally_forget_cases() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM queue_tallies;
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER queue_tally_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS changed
                    FOR EACH STATEMENT EXECUTE FUNCTION queue_tally_add_or_remove_cases();
                CREATE TRIGGER queue_tally_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS changed
                    FOR EACH STATEMENT EXECUTE FUNCTION queue_tally_add_or_remove_cases();
                CREATE TRIGGER queue_tally_update
                    AFTER UPDATE OF status, district_id, social_worker_id, family_assistant_id, decision_due_on, interview_due_on, completion_due_on ON cases
                    FOR EACH ROW
                    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.district_id IS DISTINCT FROM NEW.district_id
                          OR OLD.social_worker_id IS DISTINCT FROM NEW.social_worker_id
                          OR OLD.family_assistant_id IS DISTINCT FROM NEW.family_assistant_id
                          OR OLD.decision_due_on IS DISTINCT FROM NEW.decision_due_on
                          OR OLD.interview_due_on IS DISTINCT FROM NEW.interview_due_on
                          OR OLD.completion_due_on IS DISTINCT FROM NEW.completion_due_on)
                    EXECUTE FUNCTION queue_tally_move_case();
                CREATE TRIGGER queue_tally_truncate AFTER TRUNCATE ON cases
                    FOR EACH STATEMENT EXECUTE FUNCTION queue_tally_forget_cases();

                INSERT INTO queue_tallies (status, district_id, social_worker_id, family_assistant_id, earliest_due_on, cases)
                SELECT status, district_id, social_worker_id, family_assistant_id,
                       queue_tally_earliest_due_on(status, decision_due_on, interview_due_on, completion_due_on), count(*)
                FROM cases
                GROUP BY 1, 2, 3, 4, 5;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER queue_tally_truncate ON cases;
                DROP TRIGGER queue_tally_update ON cases;
                DROP TRIGGER queue_tally_delete ON cases;
                DROP TRIGGER queue_tally_insert ON cases;
                DROP FUNCTION queue_tally_compact();
                DROP FUNCTION queue_tally_forget_cases();
                DROP FUNCTION queue_tally_move_case();
                DROP FUNCTION queue_tally_add_or_remove_cases();
                DROP FUNCTION queue_tally_earliest_due_on(integer, date, date, date);
                """);

            migrationBuilder.DropTable(
                name: "queue_tallies");
        }
    }
}
