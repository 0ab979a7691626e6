package com.crmfactory.messaging.conversation.contact;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.DynamicUpdate;

import com.crmfactory.messaging.conversation.persistence.AssignedIdEntity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A customer of one org, created on their first message or through the API. Updates write only the
 * changed columns, so an inbound message refreshing the profile name never undoes an agent's edit.
 */
@Entity
@Table(name = "contact")
@DynamicUpdate
public class Contact extends AssignedIdEntity {

    private String orgId;
    private String name;
    private String phone;
    private String whatsappAddress;
    private String email;
    private String whatsappProfileName;
    private Instant createdAt;
    private Instant updatedAt;

    protected Contact() {
    }

    public Contact(String orgId, Instant now) {
        super(UUID.randomUUID());
        this.orgId = orgId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The name to show: the contact's own name, else their WhatsApp profile name. */
    public String displayName() {
        return name != null ? name : whatsappProfileName;
    }

    public void touch(Instant now) {
        this.updatedAt = now;
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
