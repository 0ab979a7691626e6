package com.crmfactory.messaging.automation.web;

import java.util.List;

/** One page of a list, the same shape as every other service's lists. {@code page} is 0-based. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> PageResponse<T> of(List<T> items, int page, int size, long total) {
        return new PageResponse<>(items, page, size, total, (int) ((total + size - 1) / size));
    }
}
