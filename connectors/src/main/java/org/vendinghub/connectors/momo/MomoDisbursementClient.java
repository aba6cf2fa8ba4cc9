package org.vendinghub.connectors.momo;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vendinghub.connectors.common.ProviderHttp;
import org.vendinghub.connectors.common.RejectedException;
import org.vendinghub.connectors.common.TransientException;
import org.vendinghub.connectors.momo.MomoRecords.Refund;
import org.vendinghub.connectors.momo.MomoRecords.RefundAck;
import org.vendinghub.connectors.momo.MomoRecords.RefundStatus;
import org.vendinghub.connectors.momo.MomoRecords.RefundStatusQuery;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * MTN MoMo Disbursement: a refund of a collected request-to-pay ({@code POST /disbursement/v1_0/refund}, 202 with no
 * body) and its status ({@code GET /disbursement/v1_0/refund/{X-Reference-Id}}), with the Disbursement product's own
 * token and subscription key. One call each; outcomes are answers, {@link RejectedException} or
 * {@link TransientException}.
 */
public class MomoDisbursementClient {

    private static final Logger log = LoggerFactory.getLogger(MomoDisbursementClient.class);
    private static final MomoProduct PRODUCT = MomoProduct.DISBURSEMENT;

    private final MomoGateway gateway;

    public MomoDisbursementClient(MomoGateway gateway) {
        this.gateway = gateway;
    }

    public RefundAck refund(Refund refund) {
        String what = "refund " + refund.referenceId();
        MomoProperties p = gateway.require(PRODUCT, what);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", refund.amount());
        body.put("currency", refund.currency());
        body.put("externalId", refund.externalId());
        body.put("payerMessage", refund.payerMessage());
        body.put("payeeNote", refund.payeeNote());
        body.put("referenceIdToRefund", refund.referenceIdToRefund());
        HttpRequest.Builder request = gateway.request(PRODUCT, p, "/disbursement/v1_0/refund")
                .header("X-Reference-Id", refund.referenceId())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ProviderHttp.write(body)));
        String callback = p.refundCallbackUrl(refund.referenceId());
        if (!callback.isEmpty()) {
            request.header("X-Callback-Url", callback);
        }
        HttpResponse<String> response = gateway.send(request.build(), what);
        if (response.statusCode() == 409) {
            log.info("MoMo already has refund {} (409): its status will tell", refund.referenceId());
            return new RefundAck(refund.referenceId(), true);
        }
        gateway.judge(PRODUCT, p, response, what);
        return new RefundAck(refund.referenceId(), false);
    }

    public RefundStatus refundStatus(RefundStatusQuery query) {
        String what = "status of refund " + query.referenceId();
        MomoProperties p = gateway.require(PRODUCT, what);
        HttpRequest request = gateway.request(PRODUCT, p, "/disbursement/v1_0/refund/" + query.referenceId()).GET().build();
        HttpResponse<String> response = gateway.send(request, what);
        if (response.statusCode() == 404) {
            return new RefundStatus("NOT_FOUND", "RESOURCE_NOT_FOUND", null, null, null, null);
        }
        return parseRefundStatus(gateway.judge(PRODUCT, p, response, what));
    }

    /** Reads a refund status resource or a refund callback body. */
    public static RefundStatus parseRefundStatus(JsonNode body) {
        return new RefundStatus(body.path("status").asText("").toUpperCase(Locale.ROOT), MomoGateway.reason(body),
                body.path("financialTransactionId").asText(null), body.path("externalId").asText(null),
                body.path("amount").asText(null), body.path("currency").asText(null));
    }
}
