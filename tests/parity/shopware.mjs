// Shopware's official JavaScript API client (@shopware/api-client 1.6.0, its admin client) against the Shopware fake.
// The client gets its bearer token with the client-credentials grant at /api/oauth/token before its first call and
// sends Accept: application/json, so the search API answers its plain shape. ShopwareParityTests seeds the shop: the
// product MUG (stock 7), the variants SHIRT-M (3) and SHIRT-L (5) of SHIRT, and 5 orders 10001-10005.
import assert from 'node:assert/strict';
import { createAdminAPIClient } from '@shopware/api-client';
import { check, run, setting } from './lib/run.mjs';

const baseURL = new URL('api', setting('SHOPWARE_URL')).toString();
const credentials = (secret) => ({ grant_type: 'client_credentials', client_id: setting('SHOPWARE_CLIENT_ID'), client_secret: secret });
const api = createAdminAPIClient({ baseURL, credentials: credentials(setting('SHOPWARE_CLIENT_SECRET')) });
const defaultCurrency = 'b7d2554b0ce847cd82f3ac9bd1c0dfca';

async function refused(call) {
  try {
    await call();
  } catch (error) {
    assert.equal(error.name, 'ApiClientError', String(error));
    return error;
  }

  assert.fail('the call was not refused');
}

async function productsByNumber(numbers, page = 1, limit = 25) {
  const { data } = await api.invoke('searchProduct post /search/product', {
    body: { page, limit, 'total-count-mode': 1, filter: [{ type: 'equalsAny', field: 'productNumber', value: numbers }] },
  });
  return data;
}

async function order(number) {
  const { data } = await api.invoke('searchOrder post /search/order', {
    body: { filter: [{ type: 'equals', field: 'orderNumber', value: number }], associations: { deliveries: { associations: { stateMachineState: {} } } } },
  });
  return data.data[0];
}

check('gets a token with client credentials and reads the version', async () => {
  const { data, status } = await api.invoke('infoShopwareVersion get /_info/version');
  assert.equal(status, 200);
  assert.match(data.version, /^6\./);
  assert.ok(api.getSessionData().accessToken.length > 0, 'the client kept the token');
});

check('a wrong secret is refused with 401 invalid_client at the token route', async () => {
  const wrong = createAdminAPIClient({ baseURL, credentials: credentials('not-the-secret') });
  const error = await refused(() => wrong.invoke('infoShopwareVersion get /_info/version'));
  assert.equal(error.status, 401);
  assert.equal(error.details.errors[0].code, '4');
});

check('finds products by number in bulk, paged with the exact total', async () => {
  const first = await productsByNumber(['MUG', 'SHIRT-M', 'SHIRT-L', 'NOPE'], 1, 2);
  const second = await productsByNumber(['MUG', 'SHIRT-M', 'SHIRT-L', 'NOPE'], 2, 2);
  assert.equal(first.total, 3);
  assert.deepEqual([...first.data, ...second.data].map((p) => p.productNumber).sort(), ['MUG', 'SHIRT-L', 'SHIRT-M']);
  const shirt = first.data.concat(second.data).find((p) => p.productNumber === 'SHIRT-M');
  assert.match(shirt.id, /^[0-9a-f]{32}$/);
  assert.match(shirt.parentId, /^[0-9a-f]{32}$/);
});

check('writes stock through the sync API', async () => {
  const { data } = await productsByNumber(['MUG', 'SHIRT-L']);
  const payload = data.map((p) => ({ id: p.id, stock: p.productNumber === 'MUG' ? 11 : 0 }));
  const { status, data: result } = await api.invoke('sync post /_action/sync', {
    body: { stock: { entity: 'product', action: 'upsert', payload } },
    headers: { 'indexing-behavior': 'use-queue-indexing' },
  });
  assert.equal(status, 200);
  assert.deepEqual([...result.data.product].sort(), payload.map((p) => p.id).sort());
});

check('a sync with one invalid record writes nothing and points at the record', async () => {
  const { data } = await productsByNumber(['SHIRT-M']);
  const error = await refused(() => api.invoke('sync post /_action/sync', {
    body: { stock: { entity: 'product', action: 'upsert', payload: [{ id: data[0].id, stock: 4 }, { id: data[0].id, stock: 'four' }] } },
  }));
  assert.equal(error.status, 400);
  assert.equal(error.details.errors[0].source.pointer, '/stock/1/stock');
  const after = await productsByNumber(['SHIRT-M']);
  assert.equal(after.data[0].stock, 3, 'the valid record was rolled back with the invalid one');
});

check('writes a price with its list price through the sync API', async () => {
  const { data } = await productsByNumber(['MUG']);
  await api.invoke('sync post /_action/sync', {
    body: { price: { entity: 'product', action: 'upsert', payload: [{ id: data[0].id, price: [{ currencyId: defaultCurrency, net: 21, gross: 24.99, linked: true, listPrice: { currencyId: defaultCurrency, net: 25.20, gross: 29.99, linked: true } }] }] } },
  });
  const after = await productsByNumber(['MUG']);
  assert.equal(after.data[0].price[0].gross, 24.99);
  assert.equal(after.data[0].price[0].listPrice.gross, 29.99);
});

check('searches orders with associations, sorted, paged with the exact total', async () => {
  const page = async (n) => (await api.invoke('searchOrder post /search/order', {
    body: { page: n, limit: 2, 'total-count-mode': 1, sort: [{ field: 'createdAt', order: 'ASC' }], associations: { lineItems: {}, deliveries: {}, currency: {} } },
  })).data;
  const first = await page(1);
  assert.equal(first.total, 5);
  const numbers = [...first.data, ...(await page(2)).data, ...(await page(3)).data].map((o) => o.orderNumber);
  assert.deepEqual(numbers, ['10001', '10002', '10003', '10004', '10005']);
  assert.equal(first.data[0].lineItems[0].payload.productNumber, 'SHIRT-M');
  assert.equal(first.data[0].currency.isoCode, 'EUR');
  assert.equal(typeof first.data[0].amountTotal, 'number');
});

check('adds a tracking code to the order delivery', async () => {
  const delivery = (await order('10001')).deliveries[0];
  const { status } = await api.invoke('updateOrderDelivery patch /order-delivery/{id}', {
    pathParams: { id: delivery.id },
    body: { trackingCodes: ['00340434161234567890'] },
  });
  assert.equal(status, 204);
  assert.deepEqual((await order('10001')).deliveries[0].trackingCodes, ['00340434161234567890']);
});

check('ships the delivery partially, then fully', async () => {
  const delivery = (await order('10001')).deliveries[0];
  const transition = (name) => api.invoke('orderDeliveryStateTransition post /_action/order_delivery/{orderDeliveryId}/state/{transition}', {
    pathParams: { orderDeliveryId: delivery.id, transition: name },
  });
  assert.equal((await transition('ship_partially')).data.technicalName, 'shipped_partially');
  assert.equal((await transition('ship')).data.technicalName, 'shipped');
  assert.equal((await order('10001')).deliveries[0].stateMachineState.technicalName, 'shipped');
});

check('an illegal transition is refused with the transitions the shop offers', async () => {
  const delivery = (await order('10001')).deliveries[0];
  const error = await refused(() => api.invoke('orderDeliveryStateTransition post /_action/order_delivery/{orderDeliveryId}/state/{transition}', {
    pathParams: { orderDeliveryId: delivery.id, transition: 'ship' },
  }));
  assert.equal(error.status, 400);
  assert.equal(error.details.errors[0].code, 'SYSTEM__ILLEGAL_STATE_TRANSITION');
  assert.deepEqual(error.details.errors[0].meta.parameters.possibleTransitions, ['retour', 'retour_partially', 'cancel']);
});

await run('@shopware/api-client 1.6.0');
