/**
 * Product lots: the catalogue, receiving, stock, reconstituted vials and recall.
 *
 * <h2>For the screens</h2>
 * Everything goes through {@link org.needlepoint.inventory.InventoryService} ({@code Services.inventory()});
 * at the chair, {@link org.needlepoint.chart.ChartService#catalog()} (products, lots with their stock
 * figures, open vials), {@code usableLots(productId)} and {@code lotForCode(Gs1Code, productId)}.
 * Refusals are {@link org.needlepoint.common.ValidationException}s keyed by field (show the message
 * where it was typed) or {@link org.needlepoint.security.PermissionDeniedException}s; a receipt whose
 * GTIN no product has is an {@link org.needlepoint.inventory.UnknownGtinException}: ask which product
 * it is, call {@code linkGtin(gtin, productId)}, send the same receipt again.
 * <ul>
 *   <li>Receiving screen: parse the scanned text (the GS1 parser), {@code ReceiptDraft.of(code, today)},
 *       add quantity and delivery ({@code withQuantity}, {@code withDelivery}), {@code receive(draft)}.
 *       Typed by hand: {@code new ReceiptDraft(gtin or null, productId or null, ...)}.</li>
 *   <li>Inventory screen: {@code lots(productId or null)} with {@link org.needlepoint.inventory.Lot#state},
 *       {@code onHand()}, {@code needsCount()}; {@code ledger(lotId)}, {@code receipts(lotId)},
 *       {@code recordWaste}, {@code countStock}, {@code quarantine}, {@code release}, {@code markRecalled};
 *       {@code openVials(productId)}, {@code openVial}, {@code discardVial}.</li>
 *   <li>Home card: {@code expiringLots()} (the clinic's "expiring within" days, {@code expiringWithinDays()}),
 *       {@code belowReorder()}, {@code needingCount()}.</li>
 *   <li>Recall: {@code lotForRecall(typed or scanned)} (the lot, or the lots to choose from; a pack's code
 *       is read for its product and lot), {@code findLots(typed)} (suggestions), {@code recallList(lotId)},
 *       {@code exportRecallCsv(lotId, file)}, {@code ReportService.recallList(lotId)} (PDF), {@code markRecalled(lotId, reason)},
 *       {@code recallNotices(lotId, pendingOnly)}.</li>
 *   <li>Admin: {@code updateProduct}, {@code createProduct}, {@code linkGtin}, {@code setExpiringWithinDays}.</li>
 *   <li>Chart: a point names its vial ({@code InjectionPoint.vialId}); {@code overrideVialExpiry(vialId,
 *       visitId, reason)} before charting from a vial past its usable hours;
 *       {@link org.needlepoint.chart.ChartRules#vialWarning} for live warnings.</li>
 * </ul>
 *
 * <h2>Tables (V4__inventory)</h2>
 * {@code product} (+ storage, default_diluent, reorder_level), {@code product_gtin}, {@code lot} (+ status
 * reason, who, when; its quantity is no longer a column), {@code receipt} (append-only),
 * {@code stock_ledger} (append-only; quantity on hand = SUM per lot), {@code vial},
 * {@code vial_override} (append-only), {@code injection_point.vial_id}, {@code recall_notice}, and the
 * setting {@code inventory.expiring.days}.
 *
 * <h2>Recall notices and follow-ups</h2>
 * {@link org.needlepoint.inventory.InventoryService#markRecalled} writes one {@code recall_notice} per
 * affected patient (task_created = false) and calls every
 * {@link org.needlepoint.inventory.LotRecallListener} in the same transaction. {@code app.Services}
 * registers the follow-up feature's listener: it creates a call task per patient
 * ({@link org.needlepoint.followup.RecallTasks}) and marks each notice with
 * {@link org.needlepoint.inventory.InventoryStore#markRecallTaskCreated}, so
 * {@code recallNotices(null, true)} lists only notices that still lack their call.
 */
package org.needlepoint.inventory;
