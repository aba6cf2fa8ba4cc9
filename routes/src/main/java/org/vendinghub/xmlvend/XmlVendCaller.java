package org.vendinghub.xmlvend;

/** Who sent a request, once authenticated: the registered client, its terminal, the operator and the vendor paying. */
record XmlVendCaller(String clientId, String terminalId, String operator, long vendorId) {
}
