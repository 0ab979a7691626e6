package com.crmfactory.messaging.conversation.contact;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.DynamicUpdate;
import org.springframework.data.domain.Persistable;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/**
 * A customer of one org, created on their first message or through the API. Updates write only the
 * changed columns, so an inbound message refreshing the profile name never undoes an agent's edit.
 */
@Entity
@Table(name = "contact")
@DynamicUpdate
public class Contact implements Persistable<UUID> {

    @Id
    private UUID id;
    private String orgId;
    private String name;
    private String phone;
    private String whatsappAddress;
    private String email;
    private String whatsappProfileName;
    private Instant createdAt;
    private Instant updatedAt;
    @Transient
    private boolean fresh;

    protected Contact() {
    }

    public Contact(String orgId, Instant now) {
        this.id = UUID.randomUUID();
        this.orgId = orgId;
        this.createdAt = now;
        this.updatedAt = now;
        this.fresh = true;
    }

    /** The name to show: the contact's own name, else their WhatsApp profile name. */
    public String displayName() {
        return name != null ? name : whatsappProfileName;
    }

    public void touch(Instant now) {
        this.updatedAt = now;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void loaded() {
        fresh = false;
    }

    public String getOrgId() {
        return orgId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getWhatsappAddress() {
        return whatsappAddress;
    }

    public void setWhatsappAddress(String whatsappAddress) {
        this.whatsappAddress = whatsappAddress;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getWhatsappProfileName() {
        return whatsappProfileName;
    }

    public void setWhatsappProfileName(String whatsappProfileName) {
        this.whatsappProfileName = whatsappProfileName;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
