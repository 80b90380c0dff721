package io.camelcount.mock.http;

import io.camelcount.mock.auth.AuthenticationException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Checks the credentials of a multipart upload from its headers, before its body is read, so that the one route
 * whose body may exceed a JSON body's limit is read only for a caller COUNT would serve. An upload is signed with
 * an empty body hash (contract §1.1), so its headers suffice.
 */
@FunctionalInterface
public interface UploadGate {

    /** @throws AuthenticationException when the headers do not authenticate */
    void admit(HttpServletRequest upload);
}
