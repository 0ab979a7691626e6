package com.crmfactory.messaging.template.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import com.crmfactory.messaging.events.common.Channel;

/** Templates. Every lookup on behalf of a caller is by org as well as id: another org's template does not exist. */
public interface MessageTemplateRepository extends JpaRepository<MessageTemplate, UUID>,
        JpaSpecificationExecutor<MessageTemplate> {

    Optional<MessageTemplate> findByIdAndOrgId(UUID id, String orgId);

    /**
     * For a change: holds the row lock until commit, so the outbox rows of one template are written in
     * the order their transactions commit (per-key order on {@code templates.catalog.v1}).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from MessageTemplate t where t.id = :id and t.orgId = :orgId")
    Optional<MessageTemplate> lockByIdAndOrgId(UUID id, String orgId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from MessageTemplate t where t.id = :id")
    Optional<MessageTemplate> lockById(UUID id);

    /** The template with this identity (channel null = any channel), if any. */
    @Query("""
            select t from MessageTemplate t where t.orgId = :orgId and t.key = :key and t.language = :language
              and ((:channel is null and t.channel is null) or t.channel = :channel)""")
    Optional<MessageTemplate> findIdentity(String orgId, String key, Channel channel, String language);

    /** Built-ins of one key whose Content SID is not the configured override (see ContentSidOverrides). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
            select t from MessageTemplate t where t.builtIn = true and t.key = :key
              and (t.contentSid is null or t.contentSid <> :contentSid) order by t.id""")
    List<MessageTemplate> lockBuiltInsWithOtherSid(String key, String contentSid, Pageable page);
}
