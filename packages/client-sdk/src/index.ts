// @baton/client-sdk: the client side of Baton's protocols.
export {};
