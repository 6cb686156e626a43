/**
 * Pages (Thymeleaf, Vietnamese) and REST controllers. Controllers are thin: they check rights
 * through {@link vn.hocba.security.AccessPolicy}, call one module API and map refusals to
 * RFC 7807 problem responses ({@link vn.hocba.web.ApiErrors}).
 */
package vn.hocba.web;
