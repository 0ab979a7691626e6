package com.crmfactory.messaging.conversation.message;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Messages; every method is scoped by org. */
public interface MessageRepository extends JpaRepository<Message, UUID> {

    boolean existsByOrgIdAndProviderMessageId(String orgId, String providerMessageId);

    boolean existsByOrgIdAndRequestId(String orgId, String requestId);

    Page<Message> findByOrgIdAndSessionId(String orgId, UUID sessionId, Pageable pageable);

    /**
     * Sessions of the org with a message whose body holds every word of {@code tsquery} (full-text, 'simple'
     * configuration, index {@code message_body_search}), newest first, at most {@code limit}.
     */
    @Query(value = """
            SELECT m.session_id FROM message m
            WHERE m.org_id = :orgId AND to_tsvector('simple', coalesce(m.body, '')) @@ to_tsquery('simple', :tsquery)
            GROUP BY m.session_id ORDER BY max(m.created_at) DESC LIMIT :limit""", nativeQuery = true)
    java.util.List<UUID> sessionsMentioning(@org.springframework.data.repository.query.Param("orgId") String orgId,
            @org.springframework.data.repository.query.Param("tsquery") String tsquery,
            @org.springframework.data.repository.query.Param("limit") int limit);
}
