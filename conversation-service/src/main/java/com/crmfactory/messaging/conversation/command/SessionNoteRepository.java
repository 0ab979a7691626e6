package com.crmfactory.messaging.conversation.command;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.crmfactory.messaging.events.common.Author;

@Repository
class SessionNoteRepository {

    private final JdbcTemplate jdbc;

    SessionNoteRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the command already added its note */
    boolean insert(UUID id, String orgId, UUID sessionId, String commandId, Author author, String authorId, String text,
            Instant at) {
        return jdbc.update("""
                INSERT INTO session_note (id, org_id, session_id, command_id, author, author_id, text, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ON CONSTRAINT session_note_command DO NOTHING""",
                id, orgId, sessionId, commandId, author.name(), authorId, text, Timestamp.from(at)) == 1;
    }

    List<NoteView> of(String orgId, UUID sessionId) {
        return jdbc.query("""
                SELECT id, author, author_id, text, created_at FROM session_note
                WHERE org_id = ? AND session_id = ? ORDER BY created_at, id""",
                (rs, n) -> new NoteView(rs.getString(1), NoteView.KIND, Author.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()), orgId, sessionId);
    }
}
