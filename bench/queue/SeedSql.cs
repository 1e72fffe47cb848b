namespace Parasol.Bench.Queue;

/// <summary>Set-based seeding (one statement per table, generate_series): @cases cases spread over types, sources, statuses, districts and two years of receipt.</summary>
internal static class SeedSql
{
    public const string Text = """
        CREATE TEMP TABLE surnames(n int, name text);
        INSERT INTO surnames SELECT ordinality - 1, name FROM unnest(ARRAY['Nowak','Kowalska','Wiśniewski','Wójcik','Kowalczyk',
            'Kamińska','Lewandowski','Zielińska','Szymański','Woźniak','Dąbrowski','Kozłowska','Jankowski','Mazur','Kwiatkowska',
            'Krawczyk','Piotrowski','Grabowska','Nowakowski','Pawłowska','Michalski','Król','Wieczorek','Jabłoński','Wróbel',
            'Nowicka','Majewski','Olszewska','Stępień','Malinowski','Jaworska','Adamczyk','Dudek','Nowacki','Pawlak','Górski',
            'Witkowska','Walczak','Sikora','Baran','Rutkowski','Michalak','Szewczyk','Ostrowska','Tomaszewski','Pietrzak',
            'Zalewska','Wróblewski','Jasiński','Marciniak']) WITH ORDINALITY AS t(name, ordinality);

        WITH workers AS (
            SELECT d.id AS district_id, (SELECT ds.staff_member_id FROM district_social_workers ds WHERE ds.district_id = d.id ORDER BY ds.staff_member_id LIMIT 1) AS worker_id,
                   row_number() OVER (ORDER BY d.name) - 1 AS n
            FROM districts d),
        generated AS (
            SELECT i,
                   (ARRAY[1,1,2,3,4,4,4])[1 + i % 7] AS type,
                   (ARRAY[1,1,1,2,2,3,4,5,6,7])[1 + (i * 7) % 10] AS source,
                   (ARRAY[1,2,2,3,4,5,6,9,9,9,10,11,11,11,11,12,13,14,7,8])[1 + (i * 13) % 20] AS status,
                   (i % 19 = 0) AS urgent,
                   now() - make_interval(mins => ((i::bigint * 7919) % (730 * 24 * 60))::int) AS received_at
            FROM generate_series(1, @cases) AS i)
        INSERT INTO cases (id, number, type, source, status, is_urgent, received_at, language, blue_card, needs_signature, answers_json,
                           district_id, social_worker_id, decision_due_on, interview_due_on, completion_due_on)
        SELECT gen_random_uuid(), 'BENCH.4010.' || g.i || '.2026', g.type, g.source, g.status, g.urgent, g.received_at, 'pl', false, false, '{}',
               CASE WHEN g.status = 1 THEN NULL ELSE w.district_id END,
               CASE WHEN g.status = 1 THEN NULL ELSE w.worker_id END,
               (g.received_at AT TIME ZONE 'Europe/Warsaw')::date + 30,
               (g.received_at AT TIME ZONE 'Europe/Warsaw')::date + CASE WHEN g.urgent THEN 2 ELSE 14 END,
               CASE WHEN g.status = 12 THEN (g.received_at AT TIME ZONE 'Europe/Warsaw')::date + 40 END
        FROM generated g JOIN workers w ON w.n = g.i % 3;

        INSERT INTO case_people (id, case_id, role, first_name, last_name, pesel, position)
        SELECT gen_random_uuid(), c.id, p.role, CASE p.role WHEN 1 THEN 'Anna' ELSE 'Jan' END, s.name,
               lpad(((hashtextextended(c.id::text || p.role, 0) % 100000000000 + 100000000000) % 100000000000)::text, 11, '0'), p.role - 1
        FROM cases c
        CROSS JOIN (VALUES (1), (2)) AS p(role)
        JOIN surnames s ON s.n = abs(hashtext(c.id::text)) % 50
        WHERE c.number LIKE 'BENCH.%';

        ANALYZE cases;
        ANALYZE case_people;
        """;
}
