package com.crmfactory.messaging.template.catalog;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.jpa.domain.Specification;

import com.crmfactory.messaging.events.common.ApprovalStatus;
import com.crmfactory.messaging.events.common.Channel;

/** List filters; null = no filter. The org is always a filter: lists never show another org's templates. */
public record TemplateFilter(Channel channel, String key, ApprovalStatus status) {

    Specification<MessageTemplate> forOrg(String orgId) {
        List<Specification<MessageTemplate>> parts = new ArrayList<>();
        parts.add((root, query, cb) -> cb.equal(root.get("orgId"), orgId));
        if (channel != null) {
            parts.add((root, query, cb) -> cb.equal(root.get("channel"), channel));
        }
        if (key != null) {
            parts.add((root, query, cb) -> cb.equal(root.get("key"), key));
        }
        if (status != null) {
            parts.add((root, query, cb) -> cb.equal(root.get("approvalStatus"), status));
        }
        return Specification.allOf(parts);
    }
}
