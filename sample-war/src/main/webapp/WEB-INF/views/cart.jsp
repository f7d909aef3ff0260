<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<h1 id="title">Cart</h1>
<form hx-post="${mvc.basePath}/cart/add_item" hx-target="#cart-items" hx-swap="outerHTML">
  <label for="item">Item</label>
  <input id="item" name="item" maxlength="300" autocomplete="off">
  <button id="add" type="submit">Add</button>
</form>
<p id="cart-error" role="alert"></p>
<%@ include file="cart-items.jsp" %>
<button id="clear" hx-post="${mvc.basePath}/cart/clear">Clear the cart</button>
<p>Reload the page: the cart starts empty, as the seeds promise.</p>
