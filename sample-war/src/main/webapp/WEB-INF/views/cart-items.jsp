<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<ul id="cart-items">
<c:forEach var="item" items="${items}" varStatus="row">
  <li>${mvc.encoders.html(item)}
    <button class="remove" hx-post="${mvc.basePath}/cart/remove_item" hx-vals='{"index": "${row.index}"}'
            hx-target="#cart-items" hx-swap="outerHTML" aria-label="Remove">×</button></li>
</c:forEach>
</ul>
