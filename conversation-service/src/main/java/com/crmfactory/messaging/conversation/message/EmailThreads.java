package com.crmfactory.messaging.conversation.message;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.common.EmailThreading;
import com.crmfactory.messaging.events.inbound.MessageReceived;

/**
 * The thread of an e-mail session: the customer's newest e-mail (its subject, {@code Message-ID} and
 * {@code References}), so every reply answers it with {@code In-Reply-To}/{@code References} and a {@code Re:} subject.
 */
@Component
public class EmailThreads {

    /** How a reply in an e-mail session threads: its subject and headers. */
    public record Reply(String subject, EmailThreading threading) {
    }

    private final JdbcTemplate jdbc;

    EmailThreads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers a customer e-mail of a session (a newer one replaces an older one; one without Message-ID is skipped). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void customerWrote(UUID sessionId, MessageReceived email) {
        if (email.emailMessageId() == null || email.emailMessageId().isBlank()) {
            return;
        }
        jdbc.update("""
                INSERT INTO email_thread (session_id, subject, last_message_id, message_references, last_message_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (session_id) DO UPDATE SET subject = EXCLUDED.subject, last_message_id = EXCLUDED.last_message_id,
                    message_references = EXCLUDED.message_references, last_message_at = EXCLUDED.last_message_at
                WHERE email_thread.last_message_at <= EXCLUDED.last_message_at""",
                sessionId, email.subject(), email.emailMessageId().strip(), String.join(" ", email.references()),
                Timestamp.from(email.receivedAt()));
    }

    /** How a reply in this session threads; empty before the customer's first e-mail with a Message-ID. */
    public Optional<Reply> replyTo(UUID sessionId) {
        return jdbc.query("SELECT subject, last_message_id, message_references FROM email_thread WHERE session_id = ?",
                (rs, n) -> {
                    String subject = rs.getString(1);
                    String answered = rs.getString(2);
                    String refs = rs.getString(3);
                    List<String> references = new java.util.ArrayList<>(refs == null || refs.isBlank() ? List.of()
                            : Arrays.asList(refs.trim().split("\\s+")));
                    references.remove(answered);
                    references.add(answered);
                    String re = subject == null || subject.isBlank() ? "Re:"
                            : subject.strip().regionMatches(true, 0, "re:", 0, 3) ? subject.strip() : "Re: " + subject.strip();
                    return new Reply(re, new EmailThreading(answered, references));
                }, sessionId).stream().findFirst();
    }
}
