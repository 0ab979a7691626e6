package com.crmfactory.messaging.gateway.web;

import java.util.List;

/** One page of a list: every list the gateway answers is paginated. */
public record PageView<T>(List<T> items, int page, int size, long totalItems) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    /** A short list given whole (e.g. an org's numbers), in the same shape as a page. */
    public static <T> PageView<T> whole(List<T> items) {
        return new PageView<>(items, 0, items.size(), items.size());
    }
}
