package io.camelcount.mock.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelcount.mock.domain.Account;
import io.camelcount.mock.domain.AccountType;

/**
 * {@code GET /partners/chart-of-accounts} (contract §5): the workspace's accounts, filtered by {@code type}
 * (Assets, Liabilities, Equity, Income or Expenses, case-sensitive and plural) and {@code search} (a substring
 * of the name or number), as count-cli documents them, and paged like every list (count-cli pages through it
 * with {@code page} and {@code limit}). Decision (mock): read-only; the accounts come from the seed, and
 * COUNT's account create, update and delete routes are not mocked.
 */
public final class ChartOfAccountsHandler {

    ApiResponse list(ApiRequest request) {
        QueryParameters query = request.query();
        Paging paging = query.paging();
        AccountType type = query.choice("type", AccountType::fromWireName, "Assets, Liabilities, Equity, Income or Expenses");
        return ApiResponse.success(200, "Accounts retrieved",
                paging.render(request.workspace().accounts(type, query.text("search")), ChartOfAccountsHandler::toJson));
    }

    /**
     * COUNT's rows carry {@code subType} as an object with a global numeric {@code id} (count-cli); the mock has no such
     * ids, so its {@code subType} holds the name only, and only when the seed gave one.
     */
    private static ObjectNode toJson(Account account) {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("id", account.uuid().toString())
                .put("name", account.name())
                .put("accountNumber", account.accountNumber())
                .put("type", account.type().wireName());
        if (account.subType() != null) {
            json.putObject("subType").put("name", account.subType());
        }
        return json;
    }
}
