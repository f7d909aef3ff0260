<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title} · Nex sample</title>
  <%-- 400 answers carry a message to show: swap them like successes --%>
  <meta name="htmx-config" content='{"responseHandling":[{"code":"204","swap":false},{"code":"[23]..","swap":true},{"code":"400","swap":true,"error":false},{"code":"[45]..","swap":false,"error":true}]}'>
  <script src="${pageContext.request.contextPath}/nex/htmx.min.js"></script>
  <script src="${pageContext.request.contextPath}/nex/htmx-ext-sse.js"></script>
</head>
<body>
  <header>
    <strong>Nex for Jakarta EE</strong>
    <nav hx-boost="true">
      <a id="nav-home" href="${mvc.basePath}/">Home</a>
      <a id="nav-cart" href="${mvc.basePath}/cart">Cart <%@ include file="cart-badge.jsp" %></a>
      <a id="nav-counter" href="${mvc.basePath}/counter">Counter</a>
      <a id="nav-wizard" href="${mvc.basePath}/wizard">Wizard</a>
      <a id="nav-tasks" href="${mvc.basePath}/tasks">Tasks</a>
      <a id="nav-import" href="${mvc.basePath}/import">Import</a>
    </nav>
  </header>
  <main>
${innerContent}
  </main>
</body>
</html>
