package com.crmfactory.messaging.conversation.contact;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Contacts; every method is scoped by org. */
public interface ContactRepository extends JpaRepository<Contact, UUID> {

    Optional<Contact> findByIdAndOrgId(UUID id, String orgId);

    List<Contact> findByOrgIdAndIdIn(String orgId, Collection<UUID> ids);

    Optional<Contact> findByOrgIdAndPhone(String orgId, String phone);

    Optional<Contact> findByOrgIdAndWhatsappAddress(String orgId, String whatsappAddress);

    Optional<Contact> findByOrgIdAndEmail(String orgId, String email);

    Page<Contact> findByOrgId(String orgId, Pageable pageable);

    @Query("""
            select c from Contact c where c.orgId = :orgId and (lower(c.name) like :pattern
              or lower(c.whatsappProfileName) like :pattern or c.phone like :pattern
              or c.whatsappAddress like :pattern or c.email like :pattern)""")
    Page<Contact> search(@Param("orgId") String orgId, @Param("pattern") String pattern, Pageable pageable);
}
