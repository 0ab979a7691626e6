package com.crmfactory.messaging.template.catalog;

import java.util.List;

import org.springframework.data.domain.Page;

/** One page of templates: {@code page} is zero-based. */
public record TemplatePage(List<TemplateResponse> items, int page, int size, long totalItems, int totalPages) {

    static TemplatePage of(Page<MessageTemplate> page) {
        return new TemplatePage(page.getContent().stream().map(TemplateResponse::of).toList(), page.getNumber(),
                page.getSize(), page.getTotalElements(), page.getTotalPages());
    }
}
