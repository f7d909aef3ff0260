<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<span id="cart-badge" class="badge" title="items in this page's cart">${empty items ? 0 : items.size()}</span>
