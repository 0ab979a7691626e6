package com.crmfactory.messaging.conversation.message;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import jakarta.persistence.LockModeType;

/** Messages; every method is scoped by org. */
public interface MessageRepository extends JpaRepository<Message, UUID> {

    boolean existsByOrgIdAndProviderMessageId(String orgId, String providerMessageId);

    boolean existsByOrgIdAndRequestId(String orgId, String requestId);

    Page<Message> findByOrgIdAndSessionId(String orgId, UUID sessionId, Pageable pageable);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from Message m where m.orgId = :orgId and m.requestId = :requestId")
    Optional<Message> lockByRequestId(@Param("orgId") String orgId, @Param("requestId") String requestId);
}
