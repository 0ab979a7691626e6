package com.crmfactory.messaging.agent.erp;

import java.util.List;
import java.util.Optional;

/**
 * The business's ERP, as the agent needs it. Every call acts for one org; customer-owned data (orders)
 * is asked for with the customer's phone, so the ERP returns only that customer's orders.
 *
 * @throws ErpUnavailableException when the ERP cannot answer (down, timing out, circuit open)
 */
public interface ErpClient {

    Optional<Erp.Order> findOrder(String orgId, String orderNumber, String customerPhone);

    List<Erp.Part> catalogue(String orgId);

    List<Erp.Part> search(String orgId, String query, int limit);

    Optional<Erp.Price> price(String orgId, String sku, long quantity);

    Optional<Erp.Stock> stock(String orgId, String sku);

    Erp.Order createOrder(String orgId, Erp.NewOrder order);
}
