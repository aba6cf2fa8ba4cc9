package org.vendinghub.connectors.momo;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vendinghub.connectors.common.ProviderHttp;
import org.vendinghub.connectors.common.RejectedException;
import org.vendinghub.connectors.common.TransientException;
import org.vendinghub.connectors.momo.MomoRecords.PaymentStatus;
import org.vendinghub.connectors.momo.MomoRecords.RequestToPay;
import org.vendinghub.connectors.momo.MomoRecords.RequestToPayAck;
import org.vendinghub.connectors.momo.MomoRecords.StatusQuery;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * MTN MoMo Collections: request-to-pay and its status, one call each through the {@link MomoGateway} (Collections
 * token and subscription key). Outcomes are answers, {@link RejectedException} or {@link TransientException}.
 */
public class MomoClient {

    private static final Logger log = LoggerFactory.getLogger(MomoClient.class);
    private static final MomoProduct PRODUCT = MomoProduct.COLLECTION;

    private final MomoGateway gateway;

    public MomoClient(MomoGateway gateway) {
        this.gateway = gateway;
    }

    public RequestToPayAck requestToPay(RequestToPay rtp) {
        String what = "request-to-pay " + rtp.referenceId();
        MomoProperties p = gateway.require(PRODUCT, what);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", rtp.amount());
        body.put("currency", rtp.currency());
        body.put("externalId", rtp.externalId());
        body.put("payer", Map.of("partyIdType", "MSISDN", "partyId", rtp.msisdn()));
        body.put("payerMessage", rtp.payerMessage());
        body.put("payeeNote", rtp.payeeNote());
        HttpRequest.Builder request = gateway.request(PRODUCT, p, "/collection/v1_0/requesttopay")
                .header("X-Reference-Id", rtp.referenceId())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ProviderHttp.write(body)));
        if (!p.callbackUrl().isEmpty()) {
            request.header("X-Callback-Url", p.callbackUrl());
        }
        HttpResponse<String> response = gateway.send(request.build(), what);
        if (response.statusCode() == 409) {
            log.info("MoMo already has request-to-pay {} (409): its status will tell", rtp.referenceId());
            return new RequestToPayAck(rtp.referenceId(), true);
        }
        gateway.judge(PRODUCT, p, response, what);
        return new RequestToPayAck(rtp.referenceId(), false);
    }

    public PaymentStatus status(StatusQuery query) {
        String what = "status of request-to-pay " + query.referenceId();
        MomoProperties p = gateway.require(PRODUCT, what);
        HttpRequest request = gateway.request(PRODUCT, p, "/collection/v1_0/requesttopay/" + query.referenceId()).GET().build();
        HttpResponse<String> response = gateway.send(request, what);
        if (response.statusCode() == 404) {
            return new PaymentStatus("NOT_FOUND", "RESOURCE_NOT_FOUND", null, null, null, null);
        }
        return parseStatus(gateway.judge(PRODUCT, p, response, what));
    }

    /** Reads a status resource or a callback body. */
    public static PaymentStatus parseStatus(JsonNode body) {
        return new PaymentStatus(body.path("status").asText("").toUpperCase(Locale.ROOT), MomoGateway.reason(body),
                body.path("financialTransactionId").asText(null), body.path("externalId").asText(null),
                body.path("amount").asText(null), body.path("currency").asText(null));
    }
}
