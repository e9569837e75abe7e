import type { ApolloServerPlugin } from "@apollo/server";
import type { ApiContext } from "./context.ts";

/** Outside production, every response says how many database round trips it cost (`extensions.roundTrips`). */
export const roundTripsPlugin: ApolloServerPlugin<ApiContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind === "single")
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            roundTrips: contextValue.roundTrips.roundTrips,
          };
      },
    };
  },
};
