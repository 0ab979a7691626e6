package com.crmfactory.messaging.conversation.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.SessionStatus;

/** Sessions; every method is scoped by org except the expiry scan, which works across orgs. */
public interface SessionRepository extends JpaRepository<Session, UUID>, JpaSpecificationExecutor<Session> {

    List<SessionStatus> OPEN = List.of(SessionStatus.ACTIVE, SessionStatus.WAITING_REPLY, SessionStatus.NEEDS_HUMAN);

    Optional<Session> findByIdAndOrgId(UUID id, String orgId);

    Page<Session> findByOrgIdAndContactId(String orgId, UUID contactId, Pageable pageable);

    /*
     * The two locking reads below are native SQL: Hibernate caches no query plan for a JPQL query with a lock mode
     * or a collection parameter, so as JPQL they were translated again on every call, on the path of every
     * customer message (issue 16's profile: 12 % of the service's CPU).
     */

    /** The session row, locked until the end of the transaction ({@code SELECT … FOR UPDATE}). */
    @Query(value = "SELECT * FROM session WHERE id = :id AND org_id = :orgId FOR UPDATE", nativeQuery = true)
    Optional<Session> lockByIdAndOrgId(@Param("id") UUID id, @Param("orgId") String orgId);

    /**
     * The open session of (org, channel, address), locked; at most one exists (partial unique index).
     *
     * @param channel the {@link Channel}'s name, as the column stores it
     */
    @Query(value = """
            SELECT * FROM session
            WHERE org_id = :orgId AND channel = :channel AND customer_address = :address
              AND status IN ('ACTIVE', 'WAITING_REPLY', 'NEEDS_HUMAN')
            FOR UPDATE""", nativeQuery = true)
    Optional<Session> lockOpen(@Param("orgId") String orgId, @Param("channel") String channel,
            @Param("address") String address);

    /**
     * Open sessions whose window has passed, locked; rows another replica (or a message being recorded)
     * holds are skipped, so concurrent schedulers never work on the same session.
     */
    @Query(value = """
            SELECT * FROM session
            WHERE status IN ('ACTIVE', 'WAITING_REPLY', 'NEEDS_HUMAN') AND expires_at <= :now
            ORDER BY expires_at LIMIT :limit
            FOR UPDATE SKIP LOCKED""", nativeQuery = true)
    List<Session> lockExpired(@Param("now") Instant now, @Param("limit") int limit);
}
