<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<h1 id="title">Counter</h1>
<p>
  <button id="decrement" hx-post="${mvc.basePath}/counter/decrement" hx-target="#count" hx-swap="outerHTML">−</button>
  <%@ include file="count.jsp" %>
  <button id="increment" hx-post="${mvc.basePath}/counter/increment" hx-target="#count" hx-swap="outerHTML">+</button>
</p>
<p>Open this page in a second tab: each tab has its own counter.</p>
