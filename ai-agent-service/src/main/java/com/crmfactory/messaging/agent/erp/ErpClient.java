package com.crmfactory.messaging.agent.erp;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The business's ERP, as the agent needs it. Every call acts for one org; customer-owned data (orders)
 * is asked for with the customer's phone, so the ERP returns only that customer's orders.
 *
 * @throws ErpUnavailableException when the ERP cannot answer (down, timing out, circuit open)
 */
public interface ErpClient {

    Optional<Erp.Order> findOrder(String orgId, String orderNumber, String customerPhone);

    /**
     * The ERP's catalogue search (never the whole catalogue: real ones hold 100,000+ parts): hits best first.
     *
     * @param filters attribute → value (e.g. size → M8)
     */
    Erp.SearchResult searchParts(String orgId, String query, Map<String, String> filters, int page, int size);

    default List<Erp.Part> search(String orgId, String query, int limit) {
        return searchParts(orgId, query, Map.of(), 0, limit).items().stream().map(Erp.SearchHit::part).toList();
    }

    Optional<Erp.Part> part(String orgId, String sku);

    /** The customer's orders, newest first. */
    List<Erp.Order> recentOrders(String orgId, String customerPhone, int size);

    Optional<Erp.Price> price(String orgId, String sku, long quantity);

    Optional<Erp.Stock> stock(String orgId, String sku);

    Erp.Order createOrder(String orgId, Erp.NewOrder order);
}
