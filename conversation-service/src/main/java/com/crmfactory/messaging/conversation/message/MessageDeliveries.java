package com.crmfactory.messaging.conversation.message;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.common.DeliveryStatus;

/**
 * The delivery columns of our outbound messages, read and written with plain SQL. Three delivery results arrive for
 * every reply; loading the whole {@link Message} entity for each (its JSON columns parsed, every column compared and
 * written back) was most of what a result cost.
 */
@Repository
public class MessageDeliveries {

    private static final int MAX_ERROR_MESSAGE = 500;

    private final JdbcTemplate jdbc;

    MessageDeliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a message stands: its provider id and delivery status (null while the provider has not accepted it). */
    public record Delivery(UUID messageId, String providerMessageId, DeliveryStatus status) {

        /** Whether a report of {@code next} moves the status forward ({@link DeliveryStatus#canMoveTo}). */
        public boolean movesTo(DeliveryStatus next) {
            return next != null && (status == null || status.canMoveTo(next));
        }
    }

    /** The message our request {@code requestId} recorded, its row locked until the caller's transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Delivery> lock(String orgId, String requestId) {
        return jdbc.query("""
                SELECT id, provider_message_id, delivery_status FROM message
                WHERE org_id = ? AND request_id = ? FOR UPDATE""",
                (rs, n) -> new Delivery(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3) == null ? null : DeliveryStatus.valueOf(rs.getString(3))),
                orgId, requestId).stream().findFirst();
    }

    /**
     * Applies a report in one statement: the provider's id the first time one is known (a later one never replaces
     * it), and the status if the report moves it forward, keeping an earlier error code or reason when it has none.
     *
     * @return whether the status moved (false for a late or repeated report)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean apply(Delivery delivery, String providerMessageId, DeliveryStatus next, String code, String reason,
            Instant now) {
        boolean moves = delivery.movesTo(next);
        boolean identifies = providerMessageId != null && delivery.providerMessageId() == null;
        if (!moves && !identifies) {
            return false;
        }
        DeliveryStatus status = moves ? next : delivery.status();
        String readable = !moves || reason == null || reason.length() <= MAX_ERROR_MESSAGE ? reason
                : reason.substring(0, MAX_ERROR_MESSAGE);
        jdbc.update("""
                UPDATE message SET provider_message_id = COALESCE(provider_message_id, ?), delivery_status = ?,
                    error_code = COALESCE(?, error_code), error_message = COALESCE(?, error_message), updated_at = ?
                WHERE id = ?""", providerMessageId, status == null ? null : status.name(), moves ? code : null,
                moves ? readable : null, Timestamp.from(now), delivery.messageId());
        return moves;
    }
}
