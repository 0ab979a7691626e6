package com.crmfactory.messaging.conversation.session;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.SessionStatus;

import jakarta.persistence.LockModeType;

/** Sessions; every method is scoped by org except the expiry scan, which works across orgs. */
public interface SessionRepository extends JpaRepository<Session, UUID>, JpaSpecificationExecutor<Session> {

    List<SessionStatus> OPEN = List.of(SessionStatus.ACTIVE, SessionStatus.WAITING_REPLY, SessionStatus.NEEDS_HUMAN);

    Optional<Session> findByIdAndOrgId(UUID id, String orgId);

    Page<Session> findByOrgIdAndContactId(String orgId, UUID contactId, Pageable pageable);

    /** The session row, locked until the end of the transaction ({@code SELECT … FOR UPDATE}). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Session s where s.id = :id and s.orgId = :orgId")
    Optional<Session> lockByIdAndOrgId(@Param("id") UUID id, @Param("orgId") String orgId);

    /** The open session of (org, channel, address), locked; at most one exists (partial unique index). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
            select s from Session s where s.orgId = :orgId and s.channel = :channel
              and s.customerAddress = :address and s.status in :open""")
    Optional<Session> lockOpen(@Param("orgId") String orgId, @Param("channel") Channel channel,
            @Param("address") String address, @Param("open") Collection<SessionStatus> open);

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
