namespace ErpHost.Erp;

/// <summary>One marketplace order in the ERP's order book and how often it was booked (1 unless something is wrong).</summary>
internal sealed record BookedOrder(string Connection, string OrderNumber, int Times);
