package com.crmfactory.messaging.automation.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** automation_run and automation_run_step. */
@Repository
class RunRepository {

    private static final String RUN_COLUMNS = """
            id, org_id, automation_id, automation_version, trigger_event_id, trigger_type, trigger_event::text AS trigger_event,
            depth, status, next_step, due_at, error, started_at, finished_at FROM automation_run""";
    private static final RowMapper<RunRecord> RUN = RunRepository::run;

    /** One step as stored, for the run API. */
    record StepRow(int index, String type, String status, String input, String output, String error, Instant startedAt,
            Instant finishedAt) {
    }

    private final JdbcTemplate jdbc;

    RunRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when this (trigger event, automation) already has a run: a redelivery or a replay */
    boolean insert(RunRecord run) {
        return jdbc.update("""
                INSERT INTO automation_run (id, org_id, automation_id, automation_version, trigger_event_id, trigger_type,
                    trigger_event, depth, status, next_step, started_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, 0, ?)
                ON CONFLICT ON CONSTRAINT automation_run_once DO NOTHING""",
                run.id(), run.orgId(), run.automationId(), run.automationVersion(), run.triggerEventId(), run.triggerType(),
                run.triggerEvent(), run.depth(), run.status().wire(), Timestamp.from(run.startedAt())) == 1;
    }

    Optional<RunRecord> find(UUID id) {
        return jdbc.query("SELECT " + RUN_COLUMNS + " WHERE id = ?", RUN, id).stream().findFirst();
    }

    Optional<RunRecord> find(String orgId, UUID id) {
        return jdbc.query("SELECT " + RUN_COLUMNS + " WHERE org_id = ? AND id = ?", RUN, orgId, id).stream().findFirst();
    }

    List<RunRecord> page(String orgId, UUID automationId, int page, int size) {
        return jdbc.query("SELECT " + RUN_COLUMNS + " WHERE org_id = ? AND automation_id = ? ORDER BY started_at DESC, id "
                + "LIMIT ? OFFSET ?", RUN, orgId, automationId, size, (long) page * size);
    }

    long count(String orgId, UUID automationId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM automation_run WHERE org_id = ? AND automation_id = ?",
                Long.class, orgId, automationId);
        return count == null ? 0 : count;
    }

    /**
     * Claims due runs for this instance: their due time moves to {@code leaseUntil}, so another instance (or this
     * one after a crash) takes them again only once the lease has passed.
     */
    List<UUID> claimDue(Instant now, int limit, Instant leaseUntil) {
        return jdbc.queryForList("""
                UPDATE automation_run SET due_at = ? WHERE id IN (
                    SELECT id FROM automation_run WHERE status = 'waiting' AND due_at <= ?
                    ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id""", UUID.class, Timestamp.from(leaseUntil), Timestamp.from(now), limit);
    }

    /** Locks a claimed run for its next steps; empty if it is no longer waiting. */
    Optional<RunRecord> lockWaiting(UUID id) {
        return jdbc.query("SELECT " + RUN_COLUMNS + " WHERE id = ? AND status = 'waiting' FOR UPDATE", RUN, id).stream()
                .findFirst();
    }

    void waitUntil(UUID id, int nextStep, Instant dueAt) {
        jdbc.update("UPDATE automation_run SET status = 'waiting', next_step = ?, due_at = ? WHERE id = ?", nextStep,
                Timestamp.from(dueAt), id);
    }

    void running(UUID id, int nextStep) {
        jdbc.update("UPDATE automation_run SET status = 'running', next_step = ?, due_at = NULL WHERE id = ?", nextStep, id);
    }

    void finish(UUID id, RunStatus status, int nextStep, String error, Instant at) {
        jdbc.update("""
                UPDATE automation_run SET status = ?, next_step = ?, error = ?, due_at = NULL, finished_at = ? WHERE id = ?""",
                status.wire(), nextStep, error, Timestamp.from(at), id);
    }

    void step(UUID runId, int index, String type, String status, String input, String output, String error,
            Instant startedAt, Instant finishedAt) {
        jdbc.update("""
                INSERT INTO automation_run_step (run_id, step_index, action_type, status, input, output, error, started_at, finished_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)
                ON CONFLICT (run_id, step_index) DO UPDATE SET status = EXCLUDED.status, input = EXCLUDED.input,
                    output = EXCLUDED.output, error = EXCLUDED.error, finished_at = EXCLUDED.finished_at""",
                runId, index, type, status, input, output, error, Timestamp.from(startedAt),
                finishedAt == null ? null : Timestamp.from(finishedAt));
    }

    /** A wait is over: its step is done. */
    void finishWaits(UUID runId, Instant at) {
        jdbc.update("UPDATE automation_run_step SET status = 'succeeded', finished_at = ? WHERE run_id = ? AND status = 'waiting'",
                Timestamp.from(at), runId);
    }

    List<StepRow> steps(UUID runId) {
        return jdbc.query("""
                SELECT step_index, action_type, status, input::text, output::text, error, started_at, finished_at
                FROM automation_run_step WHERE run_id = ? ORDER BY step_index""",
                (rs, n) -> new StepRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant(), instant(rs.getTimestamp(8))), runId);
    }

    private static RunRecord run(ResultSet rs, int n) throws SQLException {
        return new RunRecord(rs.getObject("id", UUID.class), rs.getString("org_id"), rs.getObject("automation_id", UUID.class),
                rs.getInt("automation_version"), rs.getString("trigger_event_id"), rs.getString("trigger_type"),
                rs.getString("trigger_event"), rs.getInt("depth"), RunStatus.fromWire(rs.getString("status")),
                rs.getInt("next_step"), instant(rs.getTimestamp("due_at")), rs.getString("error"),
                rs.getTimestamp("started_at").toInstant(), instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
