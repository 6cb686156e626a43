/**
 * Internals of the signing module: CMS structures, PDF signature boxes and their stamps, the
 * {@code /DSS} writer. Not for use outside {@code vn.hocba.signing}.
 */
package vn.hocba.pades.internal;
