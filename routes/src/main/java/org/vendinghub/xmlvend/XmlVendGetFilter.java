package org.vendinghub.xmlvend;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * XMLVend is SOAP over POST. A GET is only for the WSDL and its schemas ({@code ?wsdl}, {@code ?xsd=…}); any other GET
 * would reach CXF as an unknown operation and come back as a 500. Answer it plainly instead: 405, use POST.
 */
class XmlVendGetFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString() == null ? "" : request.getQueryString().toLowerCase();
        boolean contract = query.startsWith("wsdl") || query.startsWith("xsd");
        if ("POST".equals(request.getMethod()) || contract) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        response.setHeader("Allow", "POST");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("XMLVend 2.1 is SOAP 1.1 over HTTP POST; the WSDL is at ?wsdl\n");
    }
}
